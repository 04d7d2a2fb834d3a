using System.Text;
using TakedownFn.Domain.Evidence;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Evidence;

/// <summary>The disclosure member of a bundle an officer asked for with <c>?disclose=personal</c>.</summary>
internal static class BundleDisclosures
{
    public const string Disclosed = "disclosed";
    public const string Erased = "erased";

    public static BundleDisclosure Of(StoredCase stored, string? noticeCommitment) =>
        stored.Case.Erasure is { } erasure
            ? new BundleDisclosure(Erased, noticeCommitment, null, erasure.At, erasure.Reason)
            : new BundleDisclosure(Disclosed, noticeCommitment, Encoding.UTF8.GetString(stored.Notice!), null, null);
}
