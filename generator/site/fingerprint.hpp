// A 64-bit fingerprint of what an output is made from, to tell whether it must be made again.
#pragma once

#include <cstdint>
#include <string_view>

namespace boardpress::site {

// FNV-1a over length-prefixed pieces, so ("ab", "c") and ("a", "bc") differ; a long piece goes in
// as its std::hash. Fingerprints are compared only within one generator version (the record
// says which), so a different library hash can only cause one clean build.
class Fingerprint {
  public:
    Fingerprint& add(std::string_view bytes);
    Fingerprint& add(std::uint64_t number);
    std::uint64_t value() const { return state_; }

  private:
    void mix(const unsigned char* bytes, std::size_t size);
    std::uint64_t state_ = 14695981039346656037ull;
};

}  // namespace boardpress::site
