namespace WeLink.Workflow.Definitions;

internal enum GuardFieldSource
{
    Data,
    Input,
}
