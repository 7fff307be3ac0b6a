using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Tests.TestSupport;

/// <summary>Drives a rendered users table (the console's or the directory page's) as staff do.</summary>
internal static class UsersTableDriver
{
    /// <summary>
    /// Types <paramref name="search"/> into the users search box once the first rows show, and waits until exactly one
    /// row is left: that row.
    /// </summary>
    public static IElement SearchForOneRow<T>(this IRenderedComponent<T> rendered, string search)
        where T : IComponent
    {
        rendered.WaitForAssertion(() => Assert.NotEmpty(rendered.FindAll("[data-testid=user-row]")));
        rendered.Find("[data-testid=user-search] input").Input(search);
        rendered.WaitForAssertion(() => Assert.Single(rendered.FindAll("[data-testid=user-row]")));
        return rendered.Find("[data-testid=user-row]");
    }
}
