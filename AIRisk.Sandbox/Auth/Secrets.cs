using System.Buffers.Text;
using System.Security.Cryptography;

namespace AIRisk.Sandbox.Auth;

/// <summary>Codes and tokens are unguessable random values, so a client can't rely on their content.</summary>
internal static class Secrets
{
    // {"alg":"HS256","typ":"JWT"}: tokens look like a JWT at a glance, but the payload is random bytes.
    private const string JwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    public static string NewCode() => Random(32);

    public static string NewAccessToken() => $"{JwtHeader}.{Random(48)}.{Random(32)}";

    private static string Random(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
