using System.Net.Http.Headers;

namespace AIRisk.Core.Api;

internal static class MediaTypes
{
    public static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    public static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");
}
