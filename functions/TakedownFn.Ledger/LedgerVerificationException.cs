namespace TakedownFn.Ledger;

/// <summary>
/// A proof, checkpoint, leaf document or export did not verify. The message is the one line an
/// auditor reads: it names the failing element and the values involved.
/// </summary>
public class LedgerVerificationException : Exception
{
    public LedgerVerificationException()
    {
    }

    public LedgerVerificationException(string message)
        : base(message)
    {
    }

    public LedgerVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
