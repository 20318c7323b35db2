# Variables named after the peer's arguments: the BFD hop count is set while BFD is off.
bfd_multi_hop = 13
enable_bfd    = false
