using System.Net;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Sandbox;

public sealed class AttachmentAndFeedbackTests
{
    [Fact]
    public async Task Uploaded_file_shows_in_the_conversation_under_its_name()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);

        using var response = await sandbox.PostAsync($"api/Chat/AddFileToConversation/{conversationId}", token, File("notes.txt", 100));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync(SandboxClient.Ct));
        using var conversation = await sandbox.GetJsonAsync($"api/Chat/GetConversation/{conversationId}", token);
        Assert.Equal("notes.txt", LastMessage(conversation).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_over_the_limit_is_rejected_with_413()
    {
        await using var sandbox = await SandboxClient.StartAsync(o => o.MaxUploadBytes = 1024);
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);

        using var response = await sandbox.PostAsync($"api/Chat/AddFileToConversation/{conversationId}", token, File("big.bin", 2048));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Feedback_is_stored_on_the_message()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);
        var messageId = await LastMessageIdAsync(sandbox, token, conversationId);

        using var response = await sandbox.PostAsync($"api/Chat/SubmitFeedback?conversationId={conversationId}&messageId={messageId}&feedback=Dislike", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var conversation = await sandbox.GetJsonAsync($"api/Chat/GetConversation/{conversationId}", token);
        Assert.Equal("Dislike", LastMessage(conversation).GetProperty("feedback").GetString());
    }

    [Fact]
    public async Task Unknown_feedback_value_is_rejected()
    {
        await using var sandbox = await SandboxClient.StartAsync();
        var token = await sandbox.UserTokenAsync(0);
        var conversationId = await sandbox.FirstConversationIdAsync(token);
        var messageId = await LastMessageIdAsync(sandbox, token, conversationId);

        using var response = await sandbox.PostAsync($"api/Chat/SubmitFeedback?conversationId={conversationId}&messageId={messageId}&feedback=Love", token);

        await SandboxClient.AssertPlainTextAsync(response, "Invalid feedback");
    }

    private static System.Text.Json.JsonElement LastMessage(System.Text.Json.JsonDocument conversation) =>
        conversation.RootElement.GetProperty("messages").EnumerateArray().Last();

    private static MultipartFormDataContent File(string name, int bytes) => new()
    {
        { new ByteArrayContent(new byte[bytes]), name, name },
    };

    private static async Task<string> LastMessageIdAsync(SandboxClient sandbox, string token, string conversationId)
    {
        using var conversation = await sandbox.GetJsonAsync($"api/Chat/GetConversation/{conversationId}", token);
        return LastMessage(conversation).GetProperty("id").GetString()!;
    }
}
