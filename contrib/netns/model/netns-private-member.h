/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Access to a private member of an ns-3 class that offers no other way to
 * reach it. Access checking does not apply to the names in an explicit
 * instantiation (C++17 [temp.explicit] paragraph 12), so instantiating
 * PrivateMemberAccess with a pointer to a private member defines a friend
 * function that returns that pointer. Used only where patching ns-3 would
 * be the alternative; a change of the member in another ns-3 release fails
 * the build at the instantiation.
 */
#ifndef NETNS_PRIVATE_MEMBER_H
#define NETNS_PRIVATE_MEMBER_H

namespace ns3
{
namespace netns
{

/**
 * Defines GetPrivateMember(Tag) to return the member pointer given as the
 * second argument. A tag names one member and declares the function:
 *
 *     struct Tag
 *     {
 *         using Member = int Class::*;
 *         friend Member GetPrivateMember(Tag);
 *     };
 *     template struct PrivateMemberAccess<Tag, &Class::m_member>;
 *
 * The tag must be declared in this namespace, because the friend function
 * that the instantiation defines belongs to it, and the instantiation must
 * appear in exactly one source file.
 */
template <typename Tag, typename Tag::Member member>
struct PrivateMemberAccess
{
    /** @return the member pointer */
    friend typename Tag::Member GetPrivateMember(Tag)
    {
        return member;
    }
};

} // namespace netns
} // namespace ns3

#endif /* NETNS_PRIVATE_MEMBER_H */
