using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Acting.Components;

/// <summary>
/// The content under <see cref="ActingSessionCascade"/>: rendered again only when the layout hands the cascade new
/// content, not when the cascade's value changes. A switch changes the value, and the components that read it are told
/// by the cascading value itself, in the same render batch. Without this boundary every switch re-rendered the whole
/// layout (app bar, drawer, every MudBlazor component with a non-primitive parameter), which the browser then had to
/// take in while the switch waited for the user's data.
/// </summary>
public sealed class CascadeContent : IComponent
{
    private RenderHandle _handle;
    private RenderFragment? _content;

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        var content = parameters.GetValueOrDefault<RenderFragment>(nameof(ChildContent));
        // The layout builds a new fragment each time it renders; the cascade passes on the one it was given.
        if (_content is null || !ReferenceEquals(content, _content))
        {
            _content = content ?? (_ => { });
            _handle.Render(_content);
        }

        return Task.CompletedTask;
    }
}
