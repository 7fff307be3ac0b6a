using Microsoft.Extensions.Options;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// Names every missing or malformed sign-in key at once. Without <see cref="StaffSignInOptions.AuthorityKey"/> sign-in is
/// off and nothing else is required. Never echoes <see cref="StaffSignInOptions.ClientSecret"/>.
/// </summary>
internal sealed class StaffSignInOptionsValidator : IValidateOptions<StaffSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffSignInOptions options)
    {
        List<string> errors = [.. options.BindingErrors];
        if (options.IsConfigured)
        {
            if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
                errors.Add($"{StaffSignInOptions.AuthorityKey} must be an absolute http(s) URL (got '{options.Authority}').");
            else if (authority.Scheme == "http" && !authority.IsLoopback)
                errors.Add($"{StaffSignInOptions.AuthorityKey} must use https (http is accepted only on loopback, for tests).");
            if (string.IsNullOrWhiteSpace(options.ClientId))
                errors.Add($"{StaffSignInOptions.ClientIdKey} is missing.");
            if (string.IsNullOrWhiteSpace(options.RequiredRole))
                errors.Add($"{StaffSignInOptions.RoleKey} is missing: name the role or group staff need to use the dashboard.");
            if (options.PublicHosts.Count == 0 && !options.BindingErrors.Any(e => e.StartsWith(StaffSignInOptions.PublicHostsKey, StringComparison.Ordinal)))
            {
                errors.Add($"{StaffSignInOptions.PublicHostsKey} is missing: name the host(s) staff reach the console by, e.g. console.example.com " +
                    "(with staff sign-in, a request for any other Host is refused with 400).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
