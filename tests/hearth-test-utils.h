/* hearth-test-utils.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hearth-profile.h"

G_BEGIN_DECLS

typedef gboolean (*HearthTestCondition) (gpointer user_data);

void           hearth_test_isolate_dirs            (void);
HearthProfile *hearth_test_load_profile            (const char          *fixture);
char          *hearth_test_dup_fixture_path        (const char          *fixture);
void           hearth_test_flush                   (void);
void           hearth_test_wait                    (guint                milliseconds);
void           hearth_test_wait_until              (HearthTestCondition  condition,
                                                    gpointer             user_data,
                                                    guint                timeout_ms);
GtkWidget     *hearth_test_find_label              (GtkWidget           *root,
                                                    const char          *text);
GtkWidget     *hearth_test_find_widget_by_type     (GtkWidget           *root,
                                                    GType                type);
GtkWindow     *hearth_test_find_transient_window   (GtkWindow           *parent,
                                                    GType                type);
char          *hearth_test_save_screenshot         (GtkWidget           *widget,
                                                    const char          *name);
void           hearth_test_assert_notify_contract  (gpointer             object,
                                                    const char          *property,
                                                    gpointer             value_a,
                                                    gpointer             value_b);

G_END_DECLS
