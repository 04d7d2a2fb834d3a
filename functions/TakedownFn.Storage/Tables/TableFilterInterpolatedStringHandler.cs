using System.Globalization;
using System.Runtime.CompilerServices;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// Builds <see cref="TableFilter"/> text: literal parts are copied, each hole is written as an
/// escaped OData literal. There is deliberately no generic or format-string overload: a value of
/// another type (an enum, a decimal, a nullable) does not compile, so it cannot slip into a query
/// with the wrong literal form.
/// </summary>
[InterpolatedStringHandler]
public ref struct TableFilterInterpolatedStringHandler
{
    private DefaultInterpolatedStringHandler _text;

    public TableFilterInterpolatedStringHandler(int literalLength, int formattedCount)
    {
        _text = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    /// <summary><c>'value'</c> with single quotes doubled.</summary>
    public void AppendFormatted(string? value) =>
        _text.AppendLiteral(ODataLiteral.String(value ?? throw new ArgumentNullException(nameof(value), "A filter value is null; tables do not store nulls.")));

    /// <summary>A one-character string (not its code, which is what the int overload would write).</summary>
    public void AppendFormatted(char value) => AppendFormatted(value.ToString());

    public void AppendFormatted(bool value) => _text.AppendLiteral(ODataLiteral.Boolean(value));

    /// <summary><c>Edm.Int32</c>: <c>42</c>.</summary>
    public void AppendFormatted(int value) => _text.AppendLiteral(ODataLiteral.Int32(value));

    /// <summary><c>Edm.Int64</c>: <c>42L</c>.</summary>
    public void AppendFormatted(long value) => _text.AppendLiteral(ODataLiteral.Int64(value));

    /// <summary><c>Edm.Double</c> in plain decimal notation; NaN and infinities are rejected.</summary>
    public void AppendFormatted(double value) => _text.AppendLiteral(ODataLiteral.Double(value));

    /// <summary><c>datetime'yyyy-MM-ddTHH:mm:ss.fffffffZ'</c> in UTC.</summary>
    public void AppendFormatted(DateTimeOffset value) => _text.AppendLiteral(ODataLiteral.DateTime(value));

    /// <summary>UTC or local times; an unspecified kind is rejected because its instant is unknown.</summary>
    public void AppendFormatted(DateTime value)
    {
        if (value.Kind == DateTimeKind.Unspecified)
        {
            throw new ArgumentException("A DateTime filter value needs Kind Utc or Local; use DateTimeOffset.", nameof(value));
        }

        AppendFormatted(new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero));
    }

    public void AppendFormatted(Guid value) => _text.AppendLiteral(ODataLiteral.Guid(value));

    /// <summary><c>Edm.Binary</c>: <c>X'0a1b'</c>.</summary>
    public void AppendFormatted(byte[]? value) =>
        _text.AppendLiteral(ODataLiteral.Binary(value ?? throw new ArgumentNullException(nameof(value), "A filter value is null; tables do not store nulls.")));

    /// <summary>A nested filter, in parentheses.</summary>
    public void AppendFormatted(TableFilter? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _text.AppendLiteral("(");
        _text.AppendLiteral(value.Text);
        _text.AppendLiteral(")");
    }

    internal string ToStringAndClear() => _text.ToStringAndClear();
}
