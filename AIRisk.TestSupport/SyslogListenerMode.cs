namespace AIRisk.TestSupport;

/// <summary>How <see cref="SyslogTestListener"/> treats a connection.</summary>
public enum SyslogListenerMode
{
    /// <summary>Reads every frame.</summary>
    Receive,

    /// <summary>Accepts and closes at once.</summary>
    Drop,

    /// <summary>Accepts and never reads: the sender's buffers fill and its writes stall.</summary>
    Stall,
}
