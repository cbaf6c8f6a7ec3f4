namespace WeLink.Workflow.Actions;

/// <summary>
/// Sends the notices definitions declare (<c>notices</c>): the registry hands it every action no named handler takes, and
/// it looks the action up in the case's own definition version. A host registers at most one.
/// </summary>
public interface INoticeHandler : ICaseActionHandler;
