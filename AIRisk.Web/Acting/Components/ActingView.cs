using AIRisk.Core.Api;
using AIRisk.Core.Auth;

namespace AIRisk.Web.Acting.Components;

/// <summary>
/// What the screen shows about acting: the identity in force, the switch in progress (if any), the last notice (why a
/// switch failed or a session ended), and whether the tab's own start (resume, single-user mode) has run.
/// </summary>
public sealed record ActingView(ActingIdentity Identity, AIRiskUser? SwitchingTo, ActingNotice? Notice, bool Started);
