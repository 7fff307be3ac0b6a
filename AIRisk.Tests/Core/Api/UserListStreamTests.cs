using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AIRisk.Core.Api;

namespace AIRisk.Tests.Core.Api;

/// <summary>ListUsers read from the response stream as the users client reads it: the whole body, then the list.</summary>
public sealed class UserListStreamTests
{
    [Fact]
    public async Task Reads_a_long_list_from_a_stream_that_cannot_seek()
    {
        var json = "[" + string.Join(',', Enumerable.Range(0, 3_000).Select(i => $$"""{"id":"{{i}}","displayName":"User {{i}}","role":"User"}""")) + "]";
        await using var body = Unseekable(Encoding.UTF8.GetBytes(json));

        var users = await UserListReader.ReadAsync(body, TestContext.Current.CancellationToken);

        Assert.Equal(3_000, users.Count);
        Assert.Equal(("2999", "User 2999"), (users[^1].Id, users[^1].DisplayName));
    }

    [Fact]
    public async Task Reads_a_list_after_a_byte_order_mark()
    {
        using var body = new MemoryStream([.. Encoding.UTF8.Preamble, .. """[{"id":"1","name":"Ann"}]"""u8]);

        var users = await UserListReader.ReadAsync(body, TestContext.Current.CancellationToken);

        Assert.Equal("Ann", Assert.Single(users).DisplayName);
    }

    [Fact]
    public async Task Text_after_the_list_is_malformed_JSON()
    {
        using var body = new MemoryStream("""[{"id":"1","name":"Ann"}] <html>"""u8.ToArray());

        await Assert.ThrowsAnyAsync<JsonException>(() => UserListReader.ReadAsync(body, TestContext.Current.CancellationToken));
    }

    /// <summary>A stream that cannot seek or tell its length, as an HTTP response body.</summary>
    private static GZipStream Unseekable(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            zip.Write(bytes);
        compressed.Position = 0;
        return new GZipStream(compressed, CompressionMode.Decompress);
    }
}
