// A split bundle in the real views: an article's shard is asked for once when the article opens,
// its body appears when the shard arrives, a failure shows a retry button that asks again; and the
// search index, built a slice per frame, answers once it is done.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "headless_imgui.h"
#include "core/bundle_loader.h"
#include "core/split_index.h"
#include "ui/reader_app.h"

using namespace reader;

namespace {

const std::string kIndex = R"({"format": {"name": "article-reader-bundle", "version": "1.1"},
  "site": {"name": "消協", "locale": "zh-Hant"},
  "categories": [{"id": "news", "name": "消協動态"}],
  "articles": [
    {"id": "a", "category": "news", "title": "甲文章", "published": "2024-03-15T09:00:00+08:00", "shard": "shards/0000.json"},
    {"id": "b", "category": "news", "title": "乙文章", "published": "2024-03-14T09:00:00+08:00", "shard": "shards/0000.json"},
    {"id": "c", "category": "news", "title": "丙文章", "published": "2023-01-01T09:00:00+08:00", "shard": "shards/0001.json"}]})";

const std::string kShard0 = R"({"format": {"name": "article-reader-shard", "version": "1.1"},
  "articles": {"a": ["甲的正文，說到維權。"], "b": [["乙的", {"text": "正", "ruby": "zhèng"}, "文。"]]}})";

struct Fixture {
    test::HeadlessImGui imgui{1024, 768};
    std::vector<std::string> requested;
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    // A frame, then its requests drained as a platform drains them.
    std::function<void()> draw = [this] {
        app.frame();
        for (const ui::PlatformRequest& request : app.takeRequests()) {
            if (request.kind == ui::PlatformRequest::Kind::Shard) requested.push_back(request.path);
        }
    };

    Fixture() {
        app.setFont(imgui.font());
        REQUIRE(app.loadBundle(kIndex).ok());
        imgui.frame(draw);
    }
    const core::Article& article(const std::string& id) const { return *app.bundle()->findArticle(id); }
};

}  // namespace

TEST_CASE("ui: a split bundle asks for an article's shard once, when the article opens") {
    Fixture f;
    CHECK(f.requested.empty());  // the list needs no body
    CHECK(f.article("a").bodyPending);
    REQUIRE(f.app.open("a"));
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    CHECK(f.requested == std::vector<std::string>{"shards/0000.json"});
    CHECK(f.app.loadShard("shards/0000.json", kShard0).ok());
    CHECK(f.article("a").body == std::vector<std::string>{"甲的正文，說到維權。"});
    CHECK_FALSE(f.article("b").bodyPending);  // the same shard filled its neighbour
    CHECK(f.article("c").bodyPending);
    f.imgui.frame(f.draw);
    // b's body is there already: no request; c's is in another shard.
    REQUIRE(f.app.open("b"));
    f.imgui.frame(f.draw);
    CHECK(f.requested.size() == 1);
    REQUIRE(f.app.open("c"));
    f.imgui.frame(f.draw);
    CHECK(f.requested == std::vector<std::string>{"shards/0000.json", "shards/0001.json"});
}

TEST_CASE("ui: a shard that fails shows the error and a retry button that asks again") {
    Fixture f;
    REQUIRE(f.app.open("c"));
    f.imgui.frame(f.draw);
    REQUIRE(f.requested.size() == 1);
    f.app.shardFailed("shards/0001.json", "shards/0001.json: HTTP 404 Not Found");
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    const auto retry = f.app.itemRect("retry");
    REQUIRE(retry.has_value());
    f.imgui.click(retry->x + retry->w / 2, retry->y + retry->h / 2, f.draw);
    CHECK(f.requested.size() == 2);
    // A shard that leaves out an article pointing at it is an error, not an endless wait.
    const core::Result<void> missing =
        f.app.loadShard("shards/0001.json", R"({"format": {"name": "article-reader-shard", "version": "1.1"}, "articles": {}})");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().describe() == "no body for article \"c\"");
    CHECK(f.article("c").bodyPending);
    // A broken shard says where.
    const core::Result<void> broken = f.app.loadShard("shards/0001.json", "{\"format\": 1,");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().line == 1);
    CHECK(broken.error().column == 14);
    CHECK(broken.error().describe() == "line 1, column 14: syntax error while parsing object key - unexpected end of input; expected string literal");
}

TEST_CASE("ui: the search index is built a slice per frame; search() completes it; shards make bodies searchable") {
    Fixture f;
    for (int i = 0; i < 100 && f.app.busy(); ++i) f.imgui.frame(f.draw);
    CHECK_FALSE(f.app.busy());
    CHECK(f.app.searchIndexReady());
    CHECK(f.app.search("乙文章") == std::vector<std::string>{"b"});
    CHECK(f.app.search("維權").empty());  // bodies not loaded yet
    REQUIRE(f.app.loadShard("shards/0000.json", kShard0).ok());
    CHECK(f.app.busy());                                          // rebuilding with the new bodies
    CHECK(f.app.search("维权") == std::vector<std::string>{"a"});  // search() finishes it first
    CHECK(f.app.search("乙的正文") == std::vector<std::string>{"b"});
    CHECK_FALSE(f.app.busy());
}

// The same bundle with its prebuilt search index (core/split_index.h): the manifest is asked for
// with the bundle, a query asks for its index shards only, and finds bodies never fetched.
TEST_CASE("ui: a split bundle's search index finds a body whose shard never came, asking only for its shards") {
    core::Bundle whole = *core::BundleLoader::load(kIndex);
    whole.articles[0].body = {"甲的正文，說到維權。"};
    whole.articles[1].body = {"乙的正文。"};
    whole.articles[2].body = {"丙的正文。"};
    const core::SplitIndexFiles files = core::SplitIndexWriter::write(whole, 1);  // a shard per bigram
    std::string index = kIndex;
    index.insert(index.rfind('}'), ", \"searchIndex\": \"" + files.folder + "/manifest.bin\"");
    Fixture f;
    REQUIRE(f.app.loadBundle(index).ok());
    f.requested.clear();
    f.imgui.frame(f.draw);
    REQUIRE(f.requested == std::vector<std::string>{files.folder + "/manifest.bin"});
    CHECK(f.app.search("維權").empty());  // no manifest yet: titles only, as before
    REQUIRE(f.app.loadShard(files.folder + "/manifest.bin", files.manifest).ok());

    f.requested.clear();
    CHECK(f.app.search("維權").empty());  // its shards are asked for
    f.imgui.frame(f.draw);
    REQUIRE(f.requested.size() == 1);  // one bigram, one shard
    const std::string& shardPath = f.requested[0];
    CHECK(f.app.splitSearch().awaiting("維權"));
    const size_t shard = std::stoul(shardPath.substr(files.folder.size() + 1));
    REQUIRE(f.app.loadShard(shardPath, files.shards[shard]).ok());
    CHECK_FALSE(f.app.splitSearch().awaiting("維權"));
    CHECK(f.app.search("维权") == std::vector<std::string>{"a"});  // folded alike: the same shard
    CHECK(f.article("a").bodyPending);                             // found without its body
    f.imgui.frame(f.draw);
    CHECK(f.requested.size() == 1);  // nothing more asked for

    // A shard that fails is told, and the search answers from the shards it has.
    f.requested.clear();
    f.app.search("正文");
    f.imgui.frame(f.draw);
    REQUIRE(f.requested.size() == 1);
    f.app.shardFailed(f.requested[0], f.requested[0] + ": HTTP 404 Not Found");
    CHECK(f.app.splitSearch().error() == f.requested[0] + ": HTTP 404 Not Found");
    CHECK(f.app.search("正文").empty());
    f.imgui.frame(f.draw);
    CHECK(f.requested.size() == 1);  // not asked again for the same query (a 404 each frame)
    CHECK(f.app.search("維權") == std::vector<std::string>{"a"});
    CHECK(f.app.search("正文").empty());  // another query came between: asked once more
    f.imgui.frame(f.draw);
    CHECK(f.requested.size() == 2);
}
