namespace AIRisk.Core.Api;

/// <summary>The values AIRisk's SubmitFeedback accepts.</summary>
public enum Feedback
{
    Like,
    Dislike,
}
