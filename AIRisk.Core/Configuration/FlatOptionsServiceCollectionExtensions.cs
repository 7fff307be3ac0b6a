using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The one way the console registers an options class: bound from flat keys (see
/// <see cref="AIRisk.Core.Configuration.ConfigValues"/>) and checked on start by a validator that names every bad key.
/// </summary>
public static class FlatOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/> as <see cref="IOptions{TOptions}"/>, bound by <paramref name="bind"/>
    /// and validated by <typeparamref name="TValidator"/> before the host starts (<c>ValidateOnStart</c>).
    /// </summary>
    /// <returns>
    /// A copy bound now, for registrations that depend on a value (whether staff sign-in is on, say). It is not
    /// validated: the app refuses to start when <see cref="IOptions{TOptions}"/> is not valid.
    /// </returns>
    public static TOptions AddFlatOptions<TOptions, TValidator>(this IServiceCollection services, Action<TOptions> bind)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Configure(bind).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        var bound = new TOptions();
        bind(bound);
        return bound;
    }
}
