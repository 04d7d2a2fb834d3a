using System.Text.Json;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Tests.Notices;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Tests.Validation;

/// <summary>What the HTTP layer will do: deserialize JSON, validate, answer an errors dictionary keyed by JSON path.</summary>
public class ProblemDetailsShapeTests
{
    [Fact]
    public void ToErrorDictionary_JsonBodyWithBadFields_KeysAreTheJsonPaths()
    {
        const string json = """
            {
              "regime": "eu-dsa-16",
              "category": "privacy",
              "items": [ { "url": "https://a.example/1" }, { "url": "https://a.example/2" }, { "url": "https://a.example/3" }, { "url": "gopher://x" } ],
              "notifier": { "name": "A", "contact": { "email": "not-an-email" }, "role": "victim" },
              "platformReference": "PR-9",
              "receivedAt": "2025-06-01T11:00:00Z"
            }
            """;
        var submission = JsonSerializer.Deserialize<NoticeSubmission>(json, JsonSerializerOptions.Web);

        var errors = NoticeIntake.Parse(submission, TestNotices.Now).Errors.ToErrorDictionary();

        Assert.Equal(["items[3].url", "notifier.contact.email"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToErrorDictionary_TwoMessagesForOneField_GroupsThemInOrder()
    {
        ValidationError[] errors = [new("a", "first"), new("b", "other"), new("a", "second")];

        var dictionary = errors.ToErrorDictionary();

        Assert.Equal(["first", "second"], dictionary["a"]);
        Assert.Equal(["other"], dictionary["b"]);
    }

    [Fact]
    public void ToErrorDictionary_OverLongAndControlCharacter_BothMessagesForTheField()
    {
        var s = TestNotices.CompleteSubmission() with { PlatformReference = new string('x', 300) + "\u0000" };

        var errors = NoticeIntake.Parse(s, TestNotices.Now).Errors.ToErrorDictionary();

        Assert.Equal(2, Assert.Single(errors).Value.Length);
    }
}
