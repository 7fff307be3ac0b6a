using Microsoft.Extensions.Options;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>Names every malformed stream key, and a CA file that is set but cannot be read, before the app starts.</summary>
internal sealed class AuditStreamOptionsValidator : IValidateOptions<AuditStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditStreamOptions options)
    {
        List<string> problems = [.. options.BindingErrors];
        if (options.SyslogCaFile is { } caFile)
        {
            if (options.Syslog is not { Tls: true })
                problems.Add($"{AuditStreamOptions.SyslogCaFileKey} is only used with {AuditStreamOptions.SyslogKey}=tls://host:port.");
            else if (SyslogTrust.LoadCaFile(caFile) is { Problem: { } problem })
                problems.Add($"{AuditStreamOptions.SyslogCaFileKey} {problem}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
