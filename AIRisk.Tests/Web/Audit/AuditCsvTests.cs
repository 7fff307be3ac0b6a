using AIRisk.Web.Audit;

namespace AIRisk.Tests.Web.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_defused(string value, string expected) =>
        Assert.Equal(expected, AuditCsv.Cell(value));

    [Theory]
    [InlineData("Zoë Müller", "Zoë Müller")]
    [InlineData("O'Brien, Seán", "\"O'Brien, Seán\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Ordinary_text_is_kept_and_quoted_only_when_needed(string value, string expected) =>
        Assert.Equal(expected, AuditCsv.Cell(value));
}
