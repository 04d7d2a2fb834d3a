namespace TakedownFn.Domain.Notices;

/// <summary>Who filed the notice; wire ids are kebab-case (<c>right-holder</c>), see <see cref="WireIds"/>.</summary>
public enum NotifierRole
{
    Victim,
    Representative,
    RightHolder,
    TrustedFlagger,
    Authority,
}
