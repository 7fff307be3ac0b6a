using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>The alerts among a batch of the outbox: the destinations that carry alerts only take these, one at a time.</summary>
internal static class AlertItems
{
    /// <returns>Each alert record's place in <paramref name="items"/> and its JSON (the record's detail, as stored).</returns>
    public static IEnumerable<(int Index, AuditEntry Record, string Json)> Of(IReadOnlyList<AuditStreamItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Record is { Action: AuditAction.Alert, Detail: { } json } record)
                yield return (i, record, json);
        }
    }

    /// <summary>
    /// The sequence of the last item before <paramref name="index"/>, every one of which the destination has taken (the
    /// alerts it delivered and the other records it skips); <c>null</c> when the first item failed.
    /// </summary>
    public static long? TakenBefore(IReadOnlyList<AuditStreamItem> items, int index) => index > 0 ? items[index - 1].Seq : null;
}
