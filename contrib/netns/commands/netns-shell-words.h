/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef NETNS_SHELL_WORDS_H
#define NETNS_SHELL_WORDS_H

#include "ns3/netns-status.h"

#include <string>
#include <vector>

namespace ns3
{
namespace netns
{

/**
 * @ingroup netns
 * One command line split the way a POSIX shell splits a simple command:
 * words separated by blanks, single and double quotes, backslash escapes,
 * and one optional output redirection ("> FILE" or ">> FILE").
 *
 * Pipes, lists, variables and globbing are not shell features the emulated
 * commands need, so '|', ';', '&', '<', '$' and '`' outside quotes are
 * rejected with EINVAL instead of being misread.
 */
class ShellWords
{
  public:
    /**
     * Split a command line.
     * @param line the command line
     * @return OK, or EINVAL with bash's message for an unterminated quote or
     *         an unsupported shell feature
     */
    Status Parse(const std::string& line);

    /** @return the words, the command name first */
    const std::vector<std::string>& GetWords() const;

    /** @return true when the line redirects standard output to a file */
    bool HasRedirection() const;

    /** @return the redirection target, empty when there is none */
    const std::string& GetRedirectionTarget() const;

    /** @return true for ">>", false for ">" */
    bool IsAppend() const;

  private:
    std::vector<std::string> m_words; //!< the words
    std::string m_target;             //!< file after '>' or '>>'
    bool m_redirect{false};           //!< a redirection was given
    bool m_append{false};             //!< the redirection was '>>'
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_SHELL_WORDS_H */
