namespace AIRisk.Sandbox;

/// <summary>The two AskAgent stream formats seen on live instances.</summary>
public enum StreamFormat
{
    /// <summary>One PascalCase JSON object per line (<c>"UpdateKind": 21</c> carries text), ended by a <c>[DONE]</c> line.</summary>
    NdJson,

    /// <summary>Server-sent events: <c>thread.message.delta</c> events, ended by <c>event: done</c>.</summary>
    Sse,
}
