/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Unit tests of the shell word splitting that netns::Exec applies to a
 * command line: quotes, escapes, redirection and rejected shell syntax.
 */
#include "ns3/netns-shell-words.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

using ns3::netns::ShellWords;

BOOST_AUTO_TEST_SUITE(shell_words)

BOOST_AUTO_TEST_CASE(blanks_separate_words)
{
    ShellWords words;
    BOOST_TEST(words.Parse("  ip   -br\tlink  ").IsOk());
    BOOST_TEST(words.GetWords() == (std::vector<std::string>{"ip", "-br", "link"}),
               boost::test_tools::per_element());
    BOOST_TEST(!words.HasRedirection());
}

BOOST_AUTO_TEST_CASE(quotes_and_escapes_join_words)
{
    ShellWords words;
    BOOST_TEST(words.Parse("echo 'a  b'\"c d\"e\\ f").IsOk());
    BOOST_TEST(words.GetWords() == (std::vector<std::string>{"echo", "a  bc de f"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(redirection_takes_the_next_word)
{
    ShellWords words;
    BOOST_TEST(words.Parse("echo eth0 >/sys/kernel/debug/net_ns/dev").IsOk());
    BOOST_TEST(words.HasRedirection());
    BOOST_TEST(!words.IsAppend());
    BOOST_TEST(words.GetRedirectionTarget() == "/sys/kernel/debug/net_ns/dev");
    BOOST_TEST(words.GetWords() == (std::vector<std::string>{"echo", "eth0"}),
               boost::test_tools::per_element());

    BOOST_TEST(words.Parse("echo eth0 >> file extra").IsOk());
    BOOST_TEST(words.IsAppend());
    BOOST_TEST(words.GetRedirectionTarget() == "file");
    BOOST_TEST(words.GetWords() == (std::vector<std::string>{"echo", "eth0", "extra"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unterminated_quote_gives_bash_message)
{
    ShellWords words;
    const auto status = words.Parse("echo \"x");
    BOOST_TEST(status.GetErrno() == EINVAL);
    BOOST_TEST(status.GetMessage() ==
               "bash: -c: line 1: unexpected EOF while looking for matching `\"'");
}

BOOST_AUTO_TEST_CASE(redirection_without_target_is_a_syntax_error)
{
    ShellWords words;
    const auto status = words.Parse("echo x >");
    BOOST_TEST(status.GetErrno() == EINVAL);
    BOOST_TEST(status.GetMessage() ==
               "bash: -c: line 1: syntax error near unexpected token `newline'\n"
               "bash: -c: line 1: `echo x >'");
}

BOOST_AUTO_TEST_CASE(unsupported_operators_are_rejected)
{
    for (const char* line : {"a | b", "a; b", "a & b", "a < b", "echo $HOME", "echo `x`"})
    {
        ShellWords words;
        BOOST_TEST(words.Parse(line).GetErrno() == EINVAL, line);
    }
    ShellWords quoted;
    BOOST_TEST(quoted.Parse("echo 'a | b; $c'").IsOk());
}

BOOST_AUTO_TEST_CASE(second_redirection_is_rejected)
{
    ShellWords words;
    BOOST_TEST(words.Parse("echo x > a > b").GetErrno() == EINVAL);
}

BOOST_AUTO_TEST_SUITE_END()
