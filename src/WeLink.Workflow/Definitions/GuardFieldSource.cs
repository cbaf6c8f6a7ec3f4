namespace WeLink.Workflow.Definitions;

internal enum GuardFieldSource
{
    Data,
    Input,

    /// <summary>Facts about the case itself: <c>case.state</c>, <c>case.assignee</c>.</summary>
    Case,
}
