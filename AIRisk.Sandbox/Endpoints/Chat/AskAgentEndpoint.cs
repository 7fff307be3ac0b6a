using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Endpoints.Pipeline;
using AIRisk.Sandbox.Faults;

namespace AIRisk.Sandbox.Endpoints.Chat;

/// <summary>
/// <c>POST /api/Chat/AskAgent</c> <c>{"conversationID","text"}</c>: streams a deterministic answer piece by piece,
/// and stores the question and answer before the end marker so a client reloading on "done" sees both, or (with
/// <see cref="SandboxOptions.StoreReplyAfterStream"/>) only some time after the stream has closed.
/// </summary>
internal sealed class AskAgentEndpoint(SandboxState state, ILogger<AskAgentEndpoint> logger)
{
    private const int PiecesBeforeBreak = 2;

    public async Task HandleAsync(HttpContext context)
    {
        if (await JsonBody.ReadRequiredObjectAsync(context) is not { } body)
            return;

        var workspace = context.Workspace(state);
        if (!Guid.TryParse(body.StringProperty("conversationID"), out var conversationId)
            || workspace.FindConversation(conversationId) is not { } conversation)
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status404NotFound);
            return;
        }
        var question = body.StringProperty("text");
        if (string.IsNullOrWhiteSpace(question))
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid text");
            return;
        }

        var agent = workspace.FindAgent(conversation.BotId) ?? workspace.Agents[0];
        var (answer, citations) = ReplyComposer.Answer(agent, question);
        var answerId = Guid.NewGuid();
        var pieces = ReplyComposer.Pieces(answer);
        var breakAfter = context.Features.Get<InjectedFault>() is { Kind: FaultKind.BreakStream } ? PiecesBeforeBreak : int.MaxValue;
        var ct = context.RequestAborted;

        var format = state.StreamFormat;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ReplyStreamWriter.ContentType(format);
        context.Response.Headers.CacheControl = "no-cache";
        var stream = new ReplyStreamWriter(context.Response, format, answerId);
        await stream.StartAsync(ct);

        for (var i = 0; i < pieces.Count; i++)
        {
            if (i == breakAfter)
            {
                logger.StreamBroken(i);
                context.Abort();
                return;
            }
            // Pacing on the real clock: a FakeTimeProvider given for expiry tests must not freeze the stream.
            if (state.Options.StreamPieceDelay > TimeSpan.Zero)
                await Task.Delay(state.Options.StreamPieceDelay, TimeProvider.System, ct);
            await stream.PieceAsync(pieces[i], ct);
        }

        var storeAfter = state.Options.StoreReplyAfterStream;
        if (storeAfter is null)
        {
            Store(workspace, conversation.Id, question, answerId, answer, citations);
            await stream.EndAsync(ct);
            return;
        }

        await stream.EndAsync(ct);
        await context.Response.CompleteAsync();
        // Not tied to the request: the reply is stored after the response is over, as a slow backend would.
        _ = StoreLaterAsync(storeAfter.Value, workspace, conversation.Id, question, answerId, answer, citations);
    }

    private async Task StoreLaterAsync(TimeSpan delay, UserWorkspace workspace, Guid conversationId, string question, Guid answerId, string answer, IReadOnlyList<string> citations)
    {
        await Task.Delay(delay, TimeProvider.System);
        Store(workspace, conversationId, question, answerId, answer, citations);
    }

    private void Store(UserWorkspace workspace, Guid conversationId, string question, Guid answerId, string answer, IReadOnlyList<string> citations)
    {
        var now = state.TimeProvider.GetUtcNow();
        workspace.Update(conversationId, c => c with
        {
            Messages =
            [
                .. c.Messages,
                new SandboxMessage(Guid.NewGuid(), MessageType.User, question),
                new SandboxMessage(answerId, MessageType.AI, answer, Citations: citations),
            ],
            LastUpdated = now,
        });
    }
}
