namespace AIRisk.Core.Configuration;

/// <summary>Relative request paths of the AIRisk API (the base address ends with <c>/</c>).</summary>
public static class AIRiskPaths
{
    public const string Authorize = "api/oauth2";
    public const string Token = "api/oauth2/Token";
    public const string ListUsers = "api/Users/ListUsers";
    public const string ListUsersAlternative = "api/ListUsers";
    public const string ListAgents = "api/Chat/ListAgents";
    public const string GetConversations = "api/Chat/GetConversations";
    public const string GetConversationsAlternative = "api/GetConversations";
    public const string GetConversation = "api/Chat/GetConversation";
    public const string CreateConversation = "api/Chat/CreateConversation";
    public const string AskAgent = "api/Chat/AskAgent";
    public const string AddFileToConversation = "api/Chat/AddFileToConversation";
    public const string SubmitFeedback = "api/Chat/SubmitFeedback";
}
