// JsonReader: a pull parser for JSON, the one every reader of bundle text shares. It takes RFC 8259
// JSON in RFC 3629 UTF-8 exactly as nlohmann takes it (a leading byte order mark included), walks
// the text once with no DOM and no recursion, and tells where it is as a JSON Pointer. Beside it:
// JSON syntax errors worded as nlohmann words them at a line and column counted in characters, and
// the numbers of JSON as messages show them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace reader::core {

inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// What a value is, told by its first byte.
enum class JsonKind : unsigned char { object, array, string, number, boolean, null, invalid };

// As nlohmann's type_name() says it ("object", "number", ...), the words the messages have always used.
const char* jsonKindName(JsonKind kind);

// What one value may not exceed, so that hostile text cannot exhaust memory or time.
struct JsonLimits {
    size_t maxDepth = 64;                     // nested arrays and objects; the top-level value's is level 1
    size_t maxStringBytes = size_t{1} << 20;  // any one string or key, bytes of UTF-8 once unescaped
};

// Where a streamed JsonReader gets its text, a chunk at a time: copies up to `room` of the next bytes
// to `out` and says how many it copied (0: there are no more).
using JsonSource = std::function<size_t(char* out, size_t room)>;

// The caller reads or skips every value it is at. Any method may stop the reader for good: at a
// syntax error (which the caller tells with jsonSyntaxError, having only the text to go by), or with
// an error of its own, told as it is (stopError(): a limit, or a NUL byte after the JSON text, which
// nlohmann would take for the end of the text). A duplicate key does not stop it; the first is kept.
class JsonReader {
public:
    JsonReader(std::string_view text, const JsonLimits& limits);
    // Streamed: the text is pulled from `source` into a window of kStreamWindow bytes as the reader
    // goes, so that the whole text never sits in memory at once. A token starts with at least
    // kStreamLookahead bytes of text in the window (a string of 1 MiB, the limit, written with no
    // escape); a longer one that the window cannot hold stops the reader with a syntax error. No
    // error can be told at a line and column (the text before it is gone): a caller that must tell
    // an error reads the whole text again (BundleLoader::loadStreamed).
    JsonReader(const JsonSource& source, const JsonLimits& limits);
    static constexpr size_t kStreamWindow = size_t{8} << 20;              // bytes
    static constexpr size_t kStreamLookahead = (size_t{1} << 20) + 4096;  // bytes kept ahead of a token's start

    bool stopped() const { return m_stop != Stop::none; }
    bool syntaxFailed() const { return m_stop == Stop::syntax; }
    const std::optional<Error>& stopError() const { return m_stopError; }
    const std::optional<Error>& duplicateKeyError() const { return m_duplicateKey; }

    // The kind of the value here; JsonKind::invalid (and a stop) when there is none.
    JsonKind peek();

    // Objects: at '{' (peek() said so), enterObject(); then while (nextMember()) read or skip the
    // value. nextMember() is false at the end of the object, which it leaves, or at a stop.
    bool enterObject() { return enter(false); }
    bool nextMember();
    std::string_view key() const { return m_frames[m_depth].key; }
    bool keyIsDuplicate() const { return m_keyIsDuplicate; }

    // Arrays: at '[', enterArray(); then while (nextItem()) read or skip the item at index().
    bool enterArray() { return enter(true); }
    bool nextItem();
    size_t index() const { return m_frames[m_depth].index; }

    // Scalars, each at a value of its kind. `control`: the string holds a control character or an
    // interlinear annotation character once unescaped (the rules of shown text look closer).
    bool readString(std::string& out, bool& control);
    bool readNumber(std::string_view& literal);  // the literal as written; a finite double
    bool readBoolean(bool& out);

    // Skips the value here, whatever it holds, checking it all the same. Nesting costs no stack.
    bool skipValue();

    // After the top-level value: nothing but whitespace.
    void finish();

    // Where the reader is. Each open container has a rank, the caller's to set (the bundle reader
    // orders its errors by them): an item's is its index until set otherwise.
    size_t depth() const { return m_depth; }
    void setRank(size_t rank) { m_frames[m_depth].rank = rank; }
    std::vector<size_t> ranks() const;
    // JSON Pointers (RFC 6901) of the value here and of the innermost open container.
    std::string pointer() const { return pointerOf(m_depth); }
    std::string containerPointer() const { return pointerOf(m_depth == 0 ? 0 : m_depth - 1); }

    // Stops for a count limit of the innermost container: "/articles: article count exceeds ...".
    bool stopForCount(const char* what, size_t limit);

private:
    enum class Stop { none, syntax, error };
    struct StringToken;

    // One open array or object on the way to the value being read.
    struct Frame {
        bool isArray = false;
        bool atFirst = true;  // no member or item read yet
        size_t index = 0;     // arrays: the current item
        std::string key;      // objects: the current member's key, unescaped
        size_t rank = 0;      // see setRank()
        // The keys met so far, to refuse a duplicate: a short list, and a set once there are more.
        static constexpr size_t kFewKeys = 8;
        size_t keyCount = 0;
        std::vector<std::string> fewKeys;
        std::set<std::string, std::less<>> manyKeys;
    };

    bool syntax();
    bool stopWith(Error error);
    bool stopAtPointer(std::string pointer, const char* what, size_t bytes);
    void skipWhitespace();
    void refill();
    bool skipDigits();
    bool skipLiteral();
    bool enter(bool isArray);
    bool leave();
    static bool addKey(Frame& frame);
    bool scanString(StringToken& token);
    static void decodeString(const StringToken& token, std::string& out);
    std::string pointerOf(size_t levels) const;

    std::string_view m_text;
    const char* m_pos;
    const char* m_end;
    JsonLimits m_limits;
    std::vector<Frame> m_frames;  // [1..m_depth] are open; [0] is unused (the top-level value)
    size_t m_depth = 0;
    bool m_keyIsDuplicate = false;
    Stop m_stop = Stop::none;
    std::optional<Error> m_stopError;
    std::optional<Error> m_duplicateKey;
    const JsonSource* m_source = nullptr;  // streamed: where more text comes from
    std::unique_ptr<char[]> m_window;      // streamed: the text from m_pos on, kStreamWindow bytes
    bool m_sourceDone = false;             // streamed: the source has given its last byte
};

// A key as a JSON Pointer's reference token (RFC 6901: "~" -> "~0", "/" -> "~1"), appended to `out`.
void appendPointerToken(std::string& out, std::string_view key);

// An error at a byte of `text`, told as line and column. Lines end at '\n'; columns count code
// points, as editors do (a broken sequence counts one per byte; a leading byte order mark none).
Error errorAtOffset(std::string_view text, size_t offset, std::string message);

// The first JSON syntax error in `text` (which must not be valid JSON), at its line and column and
// worded as nlohmann words it, less its byte position and its misleading "last read" part.
Error jsonSyntaxError(std::string_view text);

// A JSON number literal that is a non-negative integer fitting 64 bits: "0", "2125453021", "-0".
// Not "1.0" or "1e3", which nlohmann (and so JavaScript readers) call floats.
std::optional<uint64_t> jsonCount(std::string_view literal);

// A number as messages show it: as nlohmann prints the value (1000.0 for 1e3,
// 1.8446744073709552e+19 for 18446744073709551616, an integer as written), or cut when long.
std::string jsonNumberForMessage(std::string_view literal);

}  // namespace reader::core
