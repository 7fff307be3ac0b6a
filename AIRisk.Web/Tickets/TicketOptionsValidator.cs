using Microsoft.Extensions.Options;

namespace AIRisk.Web.Tickets;

/// <summary>Every bad ticket key in one message; the API token is never part of it.</summary>
internal sealed class TicketOptionsValidator : IValidateOptions<TicketOptions>
{
    public ValidateOptionsResult Validate(string? name, TicketOptions options)
    {
        List<string> problems = [.. options.BindingErrors];
        if (options.Required && !options.Enabled && !options.BindingErrors.Any(e => e.StartsWith(TicketOptions.SystemKey, StringComparison.Ordinal)))
            problems.Add($"{TicketOptions.RequiredKey}=true needs {TicketOptions.SystemKey} (zendesk or jira): there is no ticket to require.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
