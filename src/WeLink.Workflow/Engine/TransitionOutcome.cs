namespace WeLink.Workflow.Engine;

/// <summary>Either <see cref="TransitionAccepted"/> or <see cref="TransitionRefused"/>.</summary>
public abstract record TransitionOutcome;
