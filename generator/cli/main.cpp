#include <iostream>
int main() { std::cout << "boardpress " << BOARDPRESS_VERSION << "\n"; }
