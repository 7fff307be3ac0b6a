using AIRisk.Sandbox.Data;
using Bunit;

namespace AIRisk.Bench.Figures;

/// <summary>
/// Watches every rendered frame of the dashboard host during the rapid switches, not just the settled one: a frame is
/// <i>mixed</i> when the agents shown are not the bannered user's, and <i>falsely empty</i> when it says the bannered
/// user has no agents while they have some. Runs on the renderer's thread, after each render.
/// </summary>
public sealed class FrameAudit
{
    private readonly IRenderedComponent<RapidSwitchHost> _host;
    private readonly SandboxData _data;

    public FrameAudit(IRenderedComponent<RapidSwitchHost> host, SandboxData data)
    {
        _host = host;
        _data = data;
        host.OnMarkupUpdated += (_, _) => Inspect();
    }

    public int Frames { get; private set; }

    public int Mixed { get; private set; }

    public int FalselyEmpty { get; private set; }

    private void Inspect()
    {
        Frames++;
        var banner = _host.Find("[data-testid=acting-as]").GetAttribute("data-user-id");
        if (string.IsNullOrEmpty(banner))
            return;
        var agents = _data.AgentIdsOf(banner);
        if (_host.FindAll("[data-testid=agent-item]").Any(a => !agents.Contains(a.GetAttribute("data-agent-id") ?? "")))
            Mixed++;
        if (agents.Count > 0 && _host.FindAll("[data-testid=agents-empty]").Count > 0)
            FalselyEmpty++;
    }
}
