/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "netns-shell-words.h"

#include <cerrno>

namespace ns3
{
namespace netns
{

namespace
{

/// Characters that start shell syntax the emulated commands do not support.
constexpr const char* UNSUPPORTED_OPERATORS = "|;&<$`(){}";

/** @return bash's message for a quote that is never closed */
Status
UnterminatedQuote(char quote)
{
    return Status::Error(EINVAL,
                         std::string("bash: -c: line 1: unexpected EOF while looking for "
                                     "matching `") +
                             quote + "'");
}

} // namespace

Status
ShellWords::Parse(const std::string& line)
{
    m_words.clear();
    m_target.clear();
    m_redirect = false;
    m_append = false;

    std::string word;
    bool inWord = false;
    bool expectTarget = false;

    auto finishWord = [&]()
    {
        if (!inWord)
        {
            return;
        }
        if (expectTarget)
        {
            m_target = word;
            expectTarget = false;
        }
        else
        {
            m_words.push_back(word);
        }
        word.clear();
        inWord = false;
    };

    for (std::size_t i = 0; i < line.size(); ++i)
    {
        const char c = line[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
            finishWord();
            continue;
        }
        if (c == '\'' || c == '"')
        {
            const std::size_t close = line.find(c, i + 1);
            if (close == std::string::npos)
            {
                return UnterminatedQuote(c);
            }
            word += line.substr(i + 1, close - i - 1);
            inWord = true;
            i = close;
            continue;
        }
        if (c == '\\')
        {
            // A trailing backslash stays literal, as in "bash -c 'echo x\'".
            word += i + 1 < line.size() ? line[++i] : c;
            inWord = true;
            continue;
        }
        if (c == '>')
        {
            finishWord();
            if (m_redirect)
            {
                return Status::Error(EINVAL,
                                     "bash: only one output redirection per command is "
                                     "emulated");
            }
            m_redirect = true;
            if (i + 1 < line.size() && line[i + 1] == '>')
            {
                m_append = true;
                ++i;
            }
            expectTarget = true;
            continue;
        }
        if (std::string(UNSUPPORTED_OPERATORS).find(c) != std::string::npos)
        {
            return Status::Error(EINVAL,
                                 std::string("bash: the shell operator '") + c +
                                     "' is not emulated; run one simple command per line");
        }
        word += c;
        inWord = true;
    }
    finishWord();
    if (expectTarget)
    {
        return Status::Error(EINVAL,
                             "bash: -c: line 1: syntax error near unexpected token `newline'\n"
                             "bash: -c: line 1: `" +
                                 line + "'");
    }
    return Status();
}

const std::vector<std::string>&
ShellWords::GetWords() const
{
    return m_words;
}

bool
ShellWords::HasRedirection() const
{
    return m_redirect;
}

const std::string&
ShellWords::GetRedirectionTarget() const
{
    return m_target;
}

bool
ShellWords::IsAppend() const
{
    return m_append;
}

} // namespace netns
} // namespace ns3
