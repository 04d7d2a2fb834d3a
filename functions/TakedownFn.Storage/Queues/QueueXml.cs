using System.Globalization;
using System.Xml;

namespace TakedownFn.Storage.Queues;

/// <summary>
/// Reads the <c>QueueMessagesList</c> that Put, Get and Peek Messages answer, forward-only with
/// <see cref="XmlReader"/>: no DOM, one string per field.
/// </summary>
internal static class QueueXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    };

    /// <summary>One <c>QueueMessage</c> element; absent fields stay null.</summary>
    internal struct Entry
    {
        public string? MessageId;
        public string? PopReceipt;
        public string? InsertionTime;
        public string? ExpirationTime;
        public string? TimeNextVisible;
        public string? DequeueCount;
        public string? MessageText;

        public readonly string Id => MessageId ?? throw Missing(nameof(MessageId));

        public readonly string Receipt => PopReceipt ?? throw Missing(nameof(PopReceipt));

        public readonly long Dequeued => long.Parse(DequeueCount ?? throw Missing(nameof(DequeueCount)), NumberStyles.None, CultureInfo.InvariantCulture);

        public readonly string Text => MessageText ?? string.Empty;

        public readonly DateTimeOffset Inserted => ParseTime(InsertionTime, nameof(InsertionTime));

        public readonly DateTimeOffset Expires => ParseTime(ExpirationTime, nameof(ExpirationTime));

        public readonly DateTimeOffset NextVisible => ParseTime(TimeNextVisible, nameof(TimeNextVisible));
    }

    public static List<Entry> ReadMessages(Stream content)
    {
        var entries = new List<Entry>();
        using var reader = XmlReader.Create(content, Settings);
        reader.MoveToContent();
        if (reader.IsEmptyElement)
        {
            return entries;
        }

        reader.ReadStartElement("QueueMessagesList");
        while (reader.NodeType == XmlNodeType.Element)
        {
            if (reader.LocalName != "QueueMessage" || reader.IsEmptyElement)
            {
                reader.Skip();
                continue;
            }

            reader.ReadStartElement();
            entries.Add(ReadEntry(reader));
            reader.ReadEndElement();
        }

        return entries;
    }

    private static Entry ReadEntry(XmlReader reader)
    {
        var entry = default(Entry);
        while (reader.NodeType == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "MessageId": entry.MessageId = reader.ReadElementContentAsString(); break;
                case "PopReceipt": entry.PopReceipt = reader.ReadElementContentAsString(); break;
                case "InsertionTime": entry.InsertionTime = reader.ReadElementContentAsString(); break;
                case "ExpirationTime": entry.ExpirationTime = reader.ReadElementContentAsString(); break;
                case "TimeNextVisible": entry.TimeNextVisible = reader.ReadElementContentAsString(); break;
                case "DequeueCount": entry.DequeueCount = reader.ReadElementContentAsString(); break;
                case "MessageText": entry.MessageText = reader.ReadElementContentAsString(); break;
                default: reader.Skip(); break;
            }
        }

        return entry;
    }

    /// <summary>Queue times are RFC 1123 (<c>Fri, 09 Oct 2009 21:04:30 GMT</c>), in bodies and headers alike.</summary>
    public static DateTimeOffset ParseTime(string? value, string field) =>
        DateTimeOffset.TryParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"The queue service answered an unreadable {field} '{value}'.");

    private static FormatException Missing(string field) => new($"The queue service answered a message without {field}.");
}
