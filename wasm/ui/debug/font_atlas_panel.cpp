// The font atlas: what Dear ImGui 1.92 has baked so far (glyphs are baked on first use, per size
// and density), how big the texture is and what it costs in memory, and the texture itself.
#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>

#include "panels.h"

namespace reader::ui {

namespace {

const char* formatName(ImTextureFormat format) { return format == ImTextureFormat_Alpha8 ? "Alpha8" : "RGBA32"; }

}  // namespace

void drawFontAtlasPanel() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const ImTextureData* texture = atlas->TexData;
    if (!texture) {
        ImGui::TextDisabled("No atlas texture yet.");
        return;
    }
    const int bytes = texture->GetSizeInBytes();
    ImGui::TextWrapped("Texture %d x %d %s: %d bytes (%.1f KB) in CPU memory, the same again on the GPU", texture->Width,
                texture->Height, formatName(texture->Format), bytes, bytes / 1024.0);
    ImGui::Text("Textures alive: %d (a grown atlas replaces its texture)", atlas->TexList.Size);
    const ImFontAtlasBuilder* builder = atlas->Builder;
    if (builder) {
        const float area = static_cast<float>(texture->Width) * static_cast<float>(texture->Height);
        ImGui::TextWrapped("Packed: %d rectangles, %d px (%.0f%% of the texture); discarded: %d", builder->RectsPackedCount,
                    builder->RectsPackedSurface, area > 0 ? 100.0f * static_cast<float>(builder->RectsPackedSurface) / area : 0.0f,
                    builder->RectsDiscardedCount);
    }

    int totalGlyphs = 0;
    for (ImFont* font : atlas->Fonts) {
        if (!ImGui::TreeNodeEx(font, ImGuiTreeNodeFlags_DefaultOpen, "Font: %s (%d source%s)", font->GetDebugName(),
                               font->Sources.Size, font->Sources.Size == 1 ? "" : "s")) {
            continue;
        }
        if (builder && ImGui::BeginTable("sizes", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn("size px");
            ImGui::TableSetupColumn("density");
            ImGui::TableSetupColumn("glyphs");
            ImGui::TableSetupColumn("surface px");
            ImGui::TableHeadersRow();
            for (int i = 0; i < builder->BakedPool.Size; ++i) {
                const ImFontBaked& baked = builder->BakedPool[i];
                if (baked.ContainerFont != font || baked.WantDestroy) continue;
                totalGlyphs += baked.Glyphs.Size;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%.1f", baked.Size);
                ImGui::TableNextColumn();
                ImGui::Text("%.2f", baked.RasterizerDensity);
                ImGui::TableNextColumn();
                ImGui::Text("%d", baked.Glyphs.Size);
                ImGui::TableNextColumn();
                ImGui::Text("%u", static_cast<unsigned>(baked.MetricsTotalSurface));
            }
            ImGui::EndTable();
        }
        ImGui::TreePop();
    }
    ImGui::Text("Glyphs baked: %d", totalGlyphs);

    // The texture, on a dark ground (the glyphs are white with coverage in alpha).
    const float width = std::max(64.0f, ImGui::GetContentRegionAvail().x);
    const float scale = std::min(1.0f, width / static_cast<float>(texture->Width));
    ImGui::ImageWithBg(atlas->TexRef, ImVec2(texture->Width * scale, texture->Height * scale), ImVec2(0, 0), ImVec2(1, 1),
                       ImVec4(0.1f, 0.1f, 0.12f, 1.0f));
}

}  // namespace reader::ui
