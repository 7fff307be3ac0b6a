using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Endpoints.Pipeline;
using Microsoft.AspNetCore.Http.Features;

namespace AIRisk.Sandbox.Endpoints.Chat;

/// <summary><c>POST /api/Chat/AddFileToConversation/{id}</c>: one multipart file, its part named after the file.</summary>
internal sealed class AttachmentEndpoint(SandboxState state)
{
    // Room for multipart boundaries and part headers around a file of exactly the maximum size.
    private const long MultipartOverhead = 64 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var maxBytes = state.Options.MaxUploadBytes;
        if (context.Request.ContentLength > maxBytes + MultipartOverhead)
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        var workspace = context.Workspace(state);
        if (context.RouteGuid("id") is not { } id || workspace.FindConversation(id) is null)
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status404NotFound);
            return;
        }
        if (!context.Request.HasFormContentType)
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status415UnsupportedMediaType);
            return;
        }

        // Kestrel's default body limit (30 MB) is below the live client's 35 MB.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = maxBytes + MultipartOverhead;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes + MultipartOverhead }));

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }
        catch (InvalidDataException)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid file");
            return;
        }

        if (form.Files is not [var file])
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid file");
            return;
        }
        if (file.Length > maxBytes)
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        var fileName = string.IsNullOrEmpty(file.FileName) ? file.Name : file.FileName;
        var now = state.TimeProvider.GetUtcNow();
        workspace.Update(id, c => c with
        {
            Messages = [.. c.Messages, new SandboxMessage(Guid.NewGuid(), MessageType.User, $"Attached {fileName}", FileName: fileName)],
            LastUpdated = now,
        });
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
