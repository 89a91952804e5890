/* hearth-window-private.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-capture-header.h"
#include "hearth-window.h"

G_BEGIN_DECLS

typedef struct _HearthLoadBatch HearthLoadBatch;

struct _HearthWindow
{
  AdwApplicationWindow  parent_instance;

  HearthDocument       *document;
  GSettings            *settings;
  HearthLoadBatch      *load_batch;
  GtkFileFilter        *captures_filter;
  GtkRecentManager     *recent_manager;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  GtkToggleButton      *search_button;
  GtkMenuButton        *view_options_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *progress_bar;
  HearthCaptureHeader  *capture_header;
  AdwViewStack         *view_stack;
  GtkWidget            *call_tree_view;
  GtkWidget            *functions_view;
  GtkWidget            *flame_view;
  GtkWidget            *callers_view;
  GtkWidget            *approximate_banner;
  GtkWidget            *papyrus_view;
  AdwViewStackPage     *papyrus_page;
  GtkPaned             *functions_paned;
  GtkWidget            *frame_timeline;
  GtkWidget            *compare_view;
  GCancellable         *spikes_cancellable;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *drop_overlay;
};

void _hearth_window_class_actions_init (HearthWindowClass *klass);
void _hearth_window_actions_init       (HearthWindow      *self);
void _hearth_window_actions_dispose    (HearthWindow      *self);
void _hearth_window_update_actions     (HearthWindow      *self);
void _hearth_window_dnd_init           (HearthWindow      *self);

G_END_DECLS
