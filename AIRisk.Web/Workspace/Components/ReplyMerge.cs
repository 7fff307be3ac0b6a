using AIRisk.Core.Api;

namespace AIRisk.Web.Workspace.Components;

/// <summary>
/// What the chat shows once a reply has streamed: the stored conversation when it already holds the question and the
/// reply (it carries the message ids feedback needs), else the stored messages with the streamed ones kept after
/// them. AIRisk may store the AI message only after its stream has closed, so a reload right after the stream can
/// lack it, and replacing the screen with that reload would make the reply vanish.
/// </summary>
public static class ReplyMerge
{
    /// <summary>
    /// True when <paramref name="stored"/> holds the exchange that followed the <paramref name="shownBefore"/>
    /// messages on screen before the question: at least the question and an AI message after it.
    /// </summary>
    public static bool HoldsReply(Conversation stored, int shownBefore) =>
        stored.Messages.Count >= shownBefore + 2 && stored.Messages[^1].Role == MessageRole.AI;

    /// <summary>The stored messages, then whichever of the question and the streamed reply they do not hold yet.</summary>
    public static List<ChatMessage> Merge(Conversation stored, int shownBefore, ChatMessage question, ChatMessage reply)
    {
        if (HoldsReply(stored, shownBefore))
            return [.. stored.Messages];
        List<ChatMessage> merged = [.. stored.Messages];
        if (stored.Messages.Count <= shownBefore)
            merged.Add(question);
        merged.Add(reply);
        return merged;
    }
}
