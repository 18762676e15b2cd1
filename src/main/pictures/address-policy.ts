import { BlockList, isIP } from 'node:net'

/**
 * IPv4 ranges a picture may never come from: anything that is not the public internet. A picture
 * URL comes from a provider's response, so without this a crafted URL could make main call a
 * service on this machine, the user's network or a cloud metadata endpoint.
 */
const FORBIDDEN_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network", including the unspecified 0.0.0.0
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relays
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast 255.255.255.255
]

/**
 * IPv6 is judged the other way round: only global unicast (2000::/3) is allowed, which leaves out
 * loopback ::1, unspecified ::, IPv4-mapped ::ffff:0:0/96 (so ::ffff:127.0.0.1 cannot smuggle
 * loopback in), NAT64, unique-local fc00::/7, link-local fe80::/10 and multicast ff00::/8. Inside
 * 2000::/3 the ranges below are refused because they are not real destinations or embed an IPv4
 * address (6to4, Teredo) that could itself be private.
 */
const FORBIDDEN_V6_IN_GLOBAL: readonly [string, number][] = [
  ['2001::', 23], // IETF protocol assignments, Teredo among them
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['3fff::', 20], // documentation
]

const forbiddenV4 = new BlockList()
for (const [net, prefix] of FORBIDDEN_V4) forbiddenV4.addSubnet(net, prefix, 'ipv4')
const globalV6 = new BlockList()
globalV6.addSubnet('2000::', 3, 'ipv6')
const forbiddenV6 = new BlockList()
for (const [net, prefix] of FORBIDDEN_V6_IN_GLOBAL) forbiddenV6.addSubnet(net, prefix, 'ipv6')

/** True only for an IP address (in node's canonical textual form) on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address)
  try {
    if (family === 4) return !forbiddenV4.check(address, 'ipv4')
    if (family === 6) return globalV6.check(address, 'ipv6') && !forbiddenV6.check(address, 'ipv6')
  } catch {
    // A form BlockList cannot read (an IPv6 zone id, say) is not something to connect to.
    return false
  }
  return false
}
