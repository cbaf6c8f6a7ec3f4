namespace WeLink.Server.Complaints;

/// <summary>Names the complaint definition uses that code must agree on.</summary>
public static class ComplaintDefinition
{
    public const string Key = "complaint";

    public const string ResourceName = "complaint.v1.json";

    public static class Triggers
    {
        public const string Cancel = "cancel";
        public const string ProvideInfo = "provide_info";
        public const string RequestInfo = "request_info";
        public const string SurveyAnswered = "survey_answered";
    }

    public static class States
    {
        public const string AwaitingConsumerInfo = "awaiting_consumer_info";
        public const string Received = "received";
        public const string Escalated = "escalated";
        public const string Resolved = "resolved";
    }

    /// <summary>Severities a consumer may pick; <c>high</c> shortens the first-response SLA.</summary>
    public static IReadOnlyList<string> Severities { get; } = ["low", "normal", "high"];
}
