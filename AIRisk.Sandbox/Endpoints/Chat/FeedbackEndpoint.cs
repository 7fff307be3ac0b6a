using AIRisk.Sandbox.Endpoints.Pipeline;

namespace AIRisk.Sandbox.Endpoints.Chat;

/// <summary><c>POST /api/Chat/SubmitFeedback?conversationId=&amp;messageId=&amp;feedback=Like|Dislike</c>.</summary>
internal sealed class FeedbackEndpoint(SandboxState state)
{
    private static readonly string[] Values = ["Like", "Dislike"];

    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        // Matched in any case, as ASP.NET Core binds an enum; stored in its canonical spelling.
        var feedback = Values.FirstOrDefault(v => string.Equals(v, query["feedback"], StringComparison.OrdinalIgnoreCase));
        if (feedback is null)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid feedback");
            return;
        }

        var updated = Guid.TryParse(query["conversationId"], out var conversationId)
            && Guid.TryParse(query["messageId"], out var messageId)
            && context.Workspace(state).Update(conversationId, c => c.Messages.Any(m => m.Id == messageId)
                ? c with { Messages = [.. c.Messages.Select(m => m.Id == messageId ? m with { Feedback = feedback } : m)] }
                : null) is not null;
        if (!updated)
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status404NotFound);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
