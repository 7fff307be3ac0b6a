namespace AIRisk.Web.Audit.Streaming;

/// <summary>A destination did not take a batch (refused, unreachable, closed, untrusted, too slow); it is sent again later.</summary>
public sealed class AuditStreamUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
