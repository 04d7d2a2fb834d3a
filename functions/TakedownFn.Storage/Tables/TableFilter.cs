namespace TakedownFn.Storage.Tables;

/// <summary>
/// An OData <c>$filter</c> expression. Build one with <see cref="Of"/> from an interpolated string:
/// the literal text is the expression, and every hole is a value that is formatted and escaped as an
/// OData literal (<c>'it''s'</c>, <c>42L</c>, <c>datetime'…'</c>, …). Only the value types tables
/// store are accepted as holes, so an unsupported value is a compile error, not a malformed query.
/// </summary>
/// <example><code>
/// var filter = TableFilter.Of($"PartitionKey eq {tenant} and RowKey ge {from}");
/// var open = filter &amp; TableFilter.Of($"Closed eq {false}");
/// </code></example>
public sealed class TableFilter : IEquatable<TableFilter>
{
    private TableFilter(string text) => Text = text;

    /// <summary>The <c>$filter</c> text, values escaped.</summary>
    public string Text { get; }

    /// <summary>Builds a filter; holes are escaped by type (see <see cref="TableFilterInterpolatedStringHandler"/>).</summary>
    public static TableFilter Of(ref TableFilterInterpolatedStringHandler filter) => new(filter.ToStringAndClear());

    /// <summary>Both filters hold.</summary>
    public static TableFilter And(TableFilter left, TableFilter right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new($"({left.Text}) and ({right.Text})");
    }

    /// <summary>Either filter holds.</summary>
    public static TableFilter Or(TableFilter left, TableFilter right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new($"({left.Text}) or ({right.Text})");
    }

    /// <summary>The filter does not hold.</summary>
    public static TableFilter Not(TableFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new($"not ({filter.Text})");
    }

    /// <summary>
    /// Rows whose <paramref name="property"/> (e.g. <c>RowKey</c>) starts with <paramref name="prefix"/>:
    /// <c>property ge 'prefix' and property lt 'prefiy'</c>, the range scan Table storage can serve.
    /// </summary>
    public static TableFilter StartsWith(string property, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!IsIdentifier(property))
        {
            throw new ArgumentException("A property name holds only letters, digits and '_'.", nameof(property));
        }

        if (prefix.Length == 0)
        {
            return new($"{property} ge ''");
        }

        // The smallest string greater than every string with the prefix: drop trailing U+FFFF, bump the last char.
        var end = prefix.TrimEnd('\uffff');
        if (end.Length == 0)
        {
            return new($"{property} ge {ODataLiteral.String(prefix)}");
        }

        var upper = string.Concat(end.AsSpan(0, end.Length - 1), [(char)(end[^1] + 1)]);
        return new($"{property} ge {ODataLiteral.String(prefix)} and {property} lt {ODataLiteral.String(upper)}");
    }

    public static TableFilter operator &(TableFilter left, TableFilter right) => And(left, right);

    public static TableFilter operator |(TableFilter left, TableFilter right) => Or(left, right);

    public static TableFilter operator !(TableFilter filter) => Not(filter);

    public static TableFilter BitwiseAnd(TableFilter left, TableFilter right) => And(left, right);

    public static TableFilter BitwiseOr(TableFilter left, TableFilter right) => Or(left, right);

    public static TableFilter LogicalNot(TableFilter filter) => Not(filter);

    public override string ToString() => Text;

    public bool Equals(TableFilter? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TableFilter);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    private static bool IsIdentifier(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
