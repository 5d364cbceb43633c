// core::Error and core::Result<T>: the one shape of every error core and the tools report. An error
// is a message plus where it happened: a line and column in a text (JSON syntax, limits met while
// reading), or a JSON Pointer to the offending value (schema, references, per-value rules), or
// neither (a file that cannot be read). A Result is a value or an Error, never both; it reads like
// std::optional (if (result), *result, result->x) with error() for the other case.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace reader::core {

struct Error {
    std::string pointer;  // JSON Pointer of the offending value ("/articles/3/published"), or empty
    int line = 0;         // 1-based, 0 when unknown
    int column = 0;       // 1-based, in characters (code points), 0 when unknown
    std::string message;  // what was expected and what was found

    // One line for people: "line 3, column 14: ..." or "/articles/3/published: ...".
    std::string describe() const;
    // The same for a file, as compilers say it so editors can jump there:
    // "data/x.json:3:14: ..." or "data/x.json: /articles/3/published: ...".
    std::string describeIn(std::string_view fileName) const;
};

// A value, or the Error that stopped it from being made.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(value()); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    // Asking a Result for what it does not hold stops the program (std::get's check), never UB.
    T& value() { return std::get<0>(m_state); }
    const T& value() const { return std::get<0>(m_state); }
    const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Done, or the Error that stopped it.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error.value(); }

private:
    std::optional<Error> m_error;
};

}  // namespace reader::core
