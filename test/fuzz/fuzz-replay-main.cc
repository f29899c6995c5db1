/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * main() for a fuzz target built without libFuzzer: runs the target once
 * on each file named on the command line, and on each file of each
 * directory named, in name order. ctest uses it to replay the corpora and
 * the inputs that once crashed, in builds made with any compiler.
 */
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size);

namespace
{

/** @return the files to run: the file itself, or a directory's regular files in name order */
std::vector<std::filesystem::path>
ListInputs(const std::filesystem::path& argument)
{
    if (!std::filesystem::is_directory(argument))
    {
        return {argument};
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argument))
    {
        if (entry.is_regular_file())
        {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i)
    {
        if (!std::filesystem::exists(argv[i]))
        {
            std::fprintf(stderr, "error: %s does not exist\n", argv[i]);
            return 2;
        }
        for (const std::filesystem::path& file : ListInputs(argv[i]))
        {
            std::ifstream stream(file, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(stream)),
                                    std::istreambuf_iterator<char>());
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
            ++count;
        }
    }
    std::printf("ran %zu inputs without a crash\n", count);
    return 0;
}
