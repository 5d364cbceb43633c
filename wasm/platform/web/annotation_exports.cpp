// Annotations between the module and the page (shell/annotations.js): the ports that keep them in
// IndexedDB, tell the page of each change, download exports and ask for a file to import; and the
// exports the reader instance calls (annotations(), importAnnotations()).
#include "annotation_exports.h"

#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "core/json_text.h"
#include "exports.h"
#include "web_platform.h"
#include "ui/reader_app.h"

namespace reader::web {

namespace {

// What the page read from IndexedDB before the module started (Module.storedAnnotations).
EM_JS(char*, js_stored_annotations, (), {
    const text = typeof Module["storedAnnotations"] === "string" ? Module["storedAnnotations"] : "";
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

EM_JS(void, js_save_annotations, (const char* text), {
    if (Module["onSaveAnnotations"]) Module["onSaveAnnotations"](UTF8ToString(text));
});

EM_JS(void, js_annotation_changed, (const char* event, const char* action, const char* json), {
    if (Module["onAnnotation"]) Module["onAnnotation"](UTF8ToString(event), UTF8ToString(action), UTF8ToString(json));
});

EM_JS(int, js_save_file, (const char* name, const char* mime, const char* text), {
    if (!Module["onSaveFile"]) return 0;
    Module["onSaveFile"](UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text));
    return 1;
});

EM_JS(int, js_can_pick_file, (), { return Module["onPickImportFile"] ? 1 : 0; });

EM_JS(void, js_pick_import_file, (), {
    Module["onPickImportFile"]();
});

std::string g_reply;

}  // namespace

void fillAnnotationPorts(ui::Ports& ports) {
    ports.loadAnnotations = [] {
        char* text = js_stored_annotations();
        std::string out(text);
        free(text);
        return out;
    };
    ports.saveAnnotations = [](const std::string& text) { js_save_annotations(text.c_str()); };
    ports.annotationChanged = [](const std::string& event, const std::string& action, const std::string& json) {
        js_annotation_changed(event.c_str(), action.c_str(), json.c_str());
    };
    ports.saveFile = [](const std::string& name, const std::string& mime, const std::string& text) {
        return js_save_file(name.c_str(), mime.c_str(), text.c_str()) ? name : std::string();
    };
    if (js_can_pick_file()) ports.pickImportFile = [] { js_pick_import_file(); };
}

}  // namespace reader::web

extern "C" {

// The bundle shown is at `source` (its annotations are shown); deep links start with `linkBase`.
EMSCRIPTEN_KEEPALIVE void reader_set_annotation_source(const char* source, const char* linkBase) {
    reader::web::boundApp().setAnnotationSource(source, linkBase);
}

// This bundle's annotations, as the store's JSON array.
EMSCRIPTEN_KEEPALIVE const char* reader_annotations() {
    reader::web::g_reply = reader::web::boundApp().exportAnnotations("json");
    return reader::web::g_reply.c_str();
}

// {"ok": true, "added": n, "updated": n, "unchanged": n} or {"ok": false, "error": "…"}. `fileBytes`:
// a picked file's size when the page did not read it, being over the limit (else 0).
EMSCRIPTEN_KEEPALIVE const char* reader_import_annotations(const char* json, double fileBytes) {
    const auto merged = reader::web::boundApp().importAnnotations(json, static_cast<size_t>(fileBytes));
    reader::web::boundPlatform().requestFrames();
    if (!merged) {
        reader::web::g_reply = R"({"ok": false, "error": )" + reader::core::jsonString(merged.error().describe()) + "}";
    } else {
        reader::web::g_reply = R"({"ok": true, "added": )" + std::to_string(merged->added) + R"(, "updated": )" +
                               std::to_string(merged->updated) + R"(, "unchanged": )" + std::to_string(merged->unchanged) + "}";
    }
    return reader::web::g_reply.c_str();
}

}  // extern "C"
