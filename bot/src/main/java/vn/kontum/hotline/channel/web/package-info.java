@NullMarked
package vn.kontum.hotline.channel.web;

import org.jspecify.annotations.NullMarked;
