using AIRisk.Core.Api;
using AIRisk.Core.Auth;

namespace AIRisk.Web.Acting.Components;

/// <summary>What the screen shows about acting: the identity in force and the switch in progress, if any.</summary>
public sealed record ActingView(ActingIdentity Identity, AIRiskUser? SwitchingTo);
